"""Web Push notices for creators and clients, and each person's choice per kind.

A person turns push on per device (a ``PushSubscription``, stored by ``static/js/push.js``)
and per kind (``NotificationPreference``: push and/or email). Shop, directory and account
events reach this app through signals (``receivers``); the messages are built and sent by a
task (``delivery``) in each device's language. This app sits at the top of the layers: it
reads the shop and the directory, and nothing below imports it (the emails ask
``core.notify.wants_email``, answered from here).
"""
