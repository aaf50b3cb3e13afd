def search_list(linked_list, target):
    """Return True when some node of the linked list stores `target`, else False."""
    raise NotImplementedError
