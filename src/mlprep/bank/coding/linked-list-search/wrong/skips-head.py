"""Starts the walk at the second node, so a target stored only in the head is missed."""


def search_list(linked_list, target):
    if linked_list.headval is None:
        return False
    node = linked_list.headval.nextval
    while node is not None:
        if node.dataval == target:
            return True
        node = node.nextval
    return False
