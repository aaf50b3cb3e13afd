"""Moves the found node to the head (a move-to-front heuristic), which modifies the caller's list."""

def search_list(linked_list, target):
    prev = None
    node = linked_list.headval
    while node is not None:
        if node.dataval == target:
            if prev is not None:  # move-to-front: the next search is faster
                prev.nextval = node.nextval
                node.nextval = linked_list.headval
                linked_list.headval = node
            return True
        prev, node = node, node.nextval
    return False
