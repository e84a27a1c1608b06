"""Start the Honours desktop app: `python main.py [--db PATH]`."""

import multiprocessing

if __name__ == "__main__":
    # Large index builds compute in worker processes, which import this file again (as
    # __mp_main__): the app is imported only here, so they never load Qt. A packaged app
    # must also let a worker started from its own executable run the worker, not the app.
    multiprocessing.freeze_support()
    from honours.app import main

    raise SystemExit(main())
