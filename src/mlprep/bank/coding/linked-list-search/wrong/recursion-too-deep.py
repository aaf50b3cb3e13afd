"""Recurses once per node, which exceeds Python's recursion limit on a long list."""


def _search_from(node, target):
    if node is None:
        return False
    if node.dataval == target:
        return True
    return _search_from(node.nextval, target)


def search_list(linked_list, target):
    return _search_from(linked_list.headval, target)
