def search_list(linked_list, target):
    node = linked_list.headval
    while node is not None:
        if node.dataval == target:
            return True
        node = node.nextval
    return False
