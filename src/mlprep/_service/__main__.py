"""``python -m mlprep._service``: run the service (clients start it on demand)."""

import sys

from mlprep._service._server import main

sys.exit(main())
