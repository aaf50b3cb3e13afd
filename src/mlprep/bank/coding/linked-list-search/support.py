"""The linked-list classes the inputs are built from. Public: the learner may read it.

Copying, pickling and comparing walk the list in a loop (never by recursion), so the
judge can snapshot lists of any length.
"""


class Node:
    """One node: a value and a reference to the next node (None at the end)."""

    def __init__(self, dataval=None, nextval=None):
        self.dataval = dataval
        self.nextval = nextval

    def values(self):
        """The values from this node to the end of its chain."""
        out = []
        node = self
        while node is not None:
            out.append(node.dataval)
            node = node.nextval
        return out

    def __reduce__(self):
        return (_build_chain, (self.values(),))

    def __deepcopy__(self, memo):
        return _build_chain(self.values())

    def __repr__(self):
        return f"Node({self.dataval!r})"


class LinkedList:
    """A singly linked list; headval is the first node, or None when the list is empty."""

    def __init__(self, headval=None):
        self.headval = headval

    def values(self):
        """The stored values in order."""
        return [] if self.headval is None else self.headval.values()

    def __eq__(self, other):
        return isinstance(other, LinkedList) and self.values() == other.values()

    __hash__ = None

    def __reduce__(self):
        return (build_linked_list, (self.values(),))

    def __deepcopy__(self, memo):
        return build_linked_list(self.values())

    def __repr__(self):
        return " -> ".join(repr(v) for v in self.values()) or "LinkedList(empty)"


def _build_chain(values):
    head = None
    for value in reversed(list(values)):
        head = Node(value, head)
    return head


def build_linked_list(values):
    """A LinkedList holding `values` in order."""
    return LinkedList(_build_chain(values))


def prepare(args):
    """The tests give the list as plain values; the function receives a LinkedList."""
    values, target = args
    return (build_linked_list(values), target)
