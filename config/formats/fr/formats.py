"""French date formats: one per context (Django's names, plus the weekday ones read by the
``when`` filter in core/templatetags/dates.py)."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
WEEKDAY_DATE_FORMAT = "l j F Y"
WEEKDAY_DAY_FORMAT = "l j F"
WEEKDAY_DATETIME_FORMAT = "l j F Y, H:i"
