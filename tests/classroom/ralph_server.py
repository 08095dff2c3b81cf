"""Serve Ralph's LRS API (``ralph.api:app``) with its filesystem backend, for the tests.

Run by the ``ralph`` fixture as ``python ralph_server.py DIR HOST PORT``. It does what
``ralph runserver -b fs --fs-default-directory-path DIR -h HOST -p PORT`` does (the same
environment variables, the same app under uvicorn) with two differences, because of how
ralph-malph 5.1 behaves:

- its filesystem backend writes the statements file with operation type CREATE, which
  refuses to write a file that exists, so every POST after the first one answers
  ``500 Statements bulk indexation failed``; here the backend appends instead (its own
  APPEND operation type) -- Ralph's validation, authentication, duplicate-id checks and
  GET/``more`` paging are untouched;
- ``runserver`` starts uvicorn with auto-reload, which would restart the LRS whenever a
  file in the working folder changes; here it runs without reload.
"""

from __future__ import annotations

import os
import sys


def main(directory: str, host: str, port: str) -> None:
    os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
    os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = directory
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.data.fs import FSDataBackend

    FSDataBackend.default_operation_type = BaseOperationType.APPEND
    import uvicorn
    from ralph.api import app

    uvicorn.run(app, host=host, port=int(port), log_level="warning")


if __name__ == "__main__":
    main(*sys.argv[1:4])
