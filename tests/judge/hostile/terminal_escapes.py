# expect: runtime_error
# Prints that would redraw the terminal as a green "Accepted" report, set the window
# title, and hide the failure behind a bare carriage return; raises with them too.
import sys

print("\x1b]0;mlprep: Accepted\x07\x1b[2J\x1b[H\x1b[1;32mAccepted\x1b[0m  vector-sum")
print("Wrong answer\rAll tests passed (hidden)   \x9b2K\x1bP+q\x1b\\\u202e")
sys.stderr.write("\x1b[8m")  # concealed text from here on


def vector_sum(values):
    print("\x1b[1A\x1b[2K\x1b[32mpassed\x1b[0m")
    if len(values) > 2:
        raise ValueError("\x1b]0;pwned\x07\x1b[32mAccepted")
    return 1.0
