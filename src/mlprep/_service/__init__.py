"""The resident per-user service that makes cold commands warm (docs/cli.md).

    client.py     the CLI's side: standard library only, forwards argv, environment,
                  working directory and the three standard descriptors
    _protocol.py  socket location, private-folder checks, frames, served commands
    _server.py    the service process: lock, socket, accept, fork a worker per command
    _warm.py      what it keeps loaded (bank, grader, warm judge) and how workers use it
    _worker.py    a worker: becomes the client's process and runs the ordinary CLI

The service is an interface-side helper: it runs the CLI and is never imported by
the core.
"""
