"""Compares str(value) with str(target), so the int 8 matches the string '8'."""

def search_list(linked_list, target):
    node = linked_list.headval
    key = str(target)
    while node is not None:
        if str(node.dataval) == key:
            return True
        node = node.nextval
    return False
