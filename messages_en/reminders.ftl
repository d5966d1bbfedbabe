## Scheduled reminders, and /reminders where coordinators change their rules.

rem-update-due =
    Reminder: it is time to update the progress of commitment { $number }: { $title }.
    Please send the progress percentage and what has been done since the last update, with /update.
rem-answer-due = { $count ->
    [one] One recommendation on commitment { $number } has been waiting for a reply for more than { $days ->
        [one] a day
       *[other] { $days } days
    }: { $ids }.
   *[other] { $count } recommendations on commitment { $number } have been waiting for a reply for more than { $days ->
        [one] a day
       *[other] { $days } days
    }: { $ids }.
}
    You can reply to them with /inbox.
rem-overdue-title = { $count ->
    [one] One recommendation has had no reply for more than { $days ->
        [one] a day
       *[other] { $days } days
    }:
   *[other] { $count } recommendations have had no reply for more than { $days ->
        [one] a day
       *[other] { $days } days
    }:
}
rem-overdue-line = • Commitment { $number }: { $count ->
    [one] one recommendation
   *[other] { $count } recommendations
} ({ $ids })
rem-milestone-soon = Reminder: the milestone “{ $title }” of commitment { $number } ends on { $date } and is not yet complete. Please update its state with /milestones.
rem-milestone-passed = The milestone “{ $title }” of commitment { $number } was due on { $date } and has not been recorded as complete. Please update its state or explain the delay with /milestones.
rem-round-deadline = Reminder: the consultation round “{ $name }” closes on { $deadline }. You can send your recommendations before then with /recommend.
rem-button-update = 📝 Update progress
rem-button-inbox = 📥 Inbox
rem-button-milestones = 🗓 Milestones
rem-button-recommend = ✍️ Recommend

rem-title = Reminder rules in force:
rem-rule-line = • { $rule }: { $value }
rem-rule-update-cron = When liaison officers are reminded to report progress
rem-rule-answer-officer = Liaison officer reminded of an unanswered recommendation after
rem-rule-answer-coordinator = Coordinators told of an overdue recommendation after
rem-rule-milestone = Reminder before a milestone ends
rem-rule-round = Reminder before a consultation round closes
rem-rule-quiet-start = Quiet hours start
rem-rule-quiet-end = Quiet hours end
rem-rule-working-days = Official working days
rem-update-off = Reminding liaison officers to report progress is turned off.
rem-update-next = Next progress reminders: { $times }
rem-health = Messages sent automatically in the last { $days } days: { $sent } delivered, { $waiting } being sent, { $failed } could not be sent, { $unreachable } to people who have stopped the bot.
rem-close = Close
rem-closed = The reminder settings are closed.
rem-ask-value =
    { $rule }
    Current value: { $value }
    Default value: { $default }

    Type the new value. { $hint }
rem-hint-days = Type a number of days (0 turns this reminder off).
rem-hint-time = Type the time as hour:minute, for example 21:00.
rem-default-button = ↩️ Default value
rem-bad-value = I could not read this value. { $hint }
rem-saved = Saved: { $rule } = { $value }
rem-reset = Default restored: { $rule }

command-reminders = Reminder rules

# The first reminder on a commitment nobody has reported on yet: there is no "last update" to count from.
rem-update-first =
    Reminder: it is time to update the implementation status of commitment { $number }: { $title }.
    Please send the level of completion and what has been achieved so far, with /update.
rem-off = off
rem-days = { $days ->
    [one] one day
   *[other] { $days } days
}
rem-schedule-month = the first { $day } of every month at { $time }
rem-schedule-week = every { $day } at { $time }
rem-schedule-custom = a custom schedule from the settings file
rem-ask-every =
    When liaison officers are reminded to update the status
    Now: { $value }
    Default: { $default }

    When should the reminder go?
rem-every-month = 🗓️ Once a month (on the first given day)
rem-every-week = 🔁 Every week
rem-turn-off = ⏸️ Turn the reminder off
rem-ask-day-month = On which day? (the first such day of every month)
rem-ask-day-week = On which day of every week?
rem-ask-time = At what time (Amman time)? Choose, or type the time, for example 10:30.
rem-ask-days = Choose the official working days (press a day to add or remove it), then “Save”.
rem-save-days = 💾 Save
rem-days-empty = Choose at least one day.
