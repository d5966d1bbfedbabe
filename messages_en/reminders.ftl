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
rem-rule-answer-officer = Remind the liaison officer of unanswered recommendations after (days)
rem-rule-answer-coordinator = Tell the coordinators of overdue recommendations after (days)
rem-rule-milestone = Remind before a milestone ends (days)
rem-rule-round = Remind before a consultation round closes (days)
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
rem-hint-update-cron = The format is crontab's, in this order: minute hour day-of-month month day-of-week, for example “0 10 1-7 * sun” (the first Sunday of every month at 10:00), or type off to turn it off. Write the day of the week by its name (sun, mon, tue, wed, thu, fri, sat), not as a number.
rem-hint-days = Type a number of days (0 turns this reminder off).
rem-hint-time = Type the time as hour:minute, for example 21:00.
rem-hint-working-days = Type the days as three-letter English abbreviations, separated by commas, for example sun,mon,tue,wed,thu.
rem-default-button = ↩️ Default value
rem-bad-value = I could not read this value. { $hint }
rem-saved = Saved: { $rule } = { $value }
rem-reset = Default restored: { $rule }

command-reminders = Reminder rules
