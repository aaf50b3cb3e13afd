"""Returns the matching node (truthy) or None instead of the bools True and False."""


def search_list(linked_list, target):
    node = linked_list.headval
    while node is not None:
        if node.dataval == target:
            return node
        node = node.nextval
    return None
