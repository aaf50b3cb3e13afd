"""Stops while the current node still has a successor, so the last node is never compared."""


def search_list(linked_list, target):
    node = linked_list.headval
    if node is None:
        return False
    while node.nextval is not None:
        if node.dataval == target:
            return True
        node = node.nextval
    return False
