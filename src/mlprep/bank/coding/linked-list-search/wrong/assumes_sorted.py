"""Stops at the first larger value of the same type, as if the list were sorted."""

def search_list(linked_list, target):
    node = linked_list.headval
    while node is not None:
        if node.dataval == target:
            return True
        if type(node.dataval) is type(target) and node.dataval > target:
            return False
        node = node.nextval
    return False
