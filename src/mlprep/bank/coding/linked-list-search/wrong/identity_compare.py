"""Compares with 'is' instead of ==: only cached small ints and interned strings are identical objects."""

def search_list(linked_list, target):
    node = linked_list.headval
    while node is not None:
        if node.dataval is target:
            return True
        node = node.nextval
    return False
