"""The Telegram transport: python-telegram-bot around the conversation core.

Telegram types never leave this package; everything it hands the core is an
``Incoming`` and everything it sends comes from an ``Outgoing``.
"""
