def clipped_mean(values, low, high):
    pass
