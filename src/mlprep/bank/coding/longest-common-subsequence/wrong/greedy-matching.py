"""Greedily matches each character of string2 at the earliest possible position in
string1, which gives a common subsequence but not always a longest one."""


def longest_common_subsequence(string1, string2):
    chars = []
    position = 0
    for char in string2:
        found = string1.find(char, position)
        if found != -1:
            chars.append(char)
            position = found + 1
    return "".join(chars)
