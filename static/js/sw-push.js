// Push and notificationclick handlers: see issue 19 (push)
