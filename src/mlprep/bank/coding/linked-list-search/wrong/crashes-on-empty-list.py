"""Reads the head's value before checking that the list has a head at all."""


def search_list(linked_list, target):
    node = linked_list.headval
    if node.dataval == target:
        return True
    node = node.nextval
    while node is not None:
        if node.dataval == target:
            return True
        node = node.nextval
    return False
