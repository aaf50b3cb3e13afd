"""The local web app: ``mlprep serve`` (see docs/web.md).

from mlprep._core import Mlprep
from mlprep.web import create_app
app = create_app(Mlprep())          # an ASGI app; run it with uvicorn
"""

from ._app import create_app
from ._status import question_statuses

__all__ = ["create_app", "question_statuses"]
