"""Arabic date formats: the Arabic comma (،) between date and time, day before month,
24-hour times (Django's own Arabic formats have no DATETIME_FORMAT and use the English one)."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y، H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
WEEKDAY_DATE_FORMAT = "l j F Y"
WEEKDAY_DAY_FORMAT = "l j F"
WEEKDAY_DATETIME_FORMAT = "l j F Y، H:i"
