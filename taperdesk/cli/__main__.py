import sys

from taperdesk.cli import main

sys.exit(main())
