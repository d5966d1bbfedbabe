## /update from a spreadsheet: several commitments' milestones at once, checked row by row, stored all or nothing.

import-button = 📥 Update milestones from a spreadsheet
import-ask-file =
    Send an Excel (XLSX) or CSV file with the “Milestones” table in the columns the bot exports: milestone number (empty for a new milestone), commitment number, milestone, start date, end date, completion.
    I will check every row and show you what changes before anything is saved.
import-template = 📄 Send me the current table
import-template-caption = The current milestones of your commitments: edit them and send the file back here.
import-not-downloaded = The file's content did not arrive. Please send it again.
import-too-large = The file is larger than 2 MB. Send the milestones table on its own.
import-unreadable = The file cannot be read. Send it as XLSX or CSV (UTF-8).
import-too-big-unpacked = Once unpacked, this file holds far more than a milestones table, so it was not read. Send the milestones table on its own.
import-empty = The file is empty.
import-no-columns = The first row does not have the milestones table's columns (commitment number, milestone, completion).
import-too-many-rows = The file has more than a thousand rows. Split it into smaller files.
import-nothing-changes = This file changes nothing: every row matches what is stored.
import-errors = Nothing from the file was saved: { $count ->
    [one] one row has a problem
   *[other] { $count } rows have a problem
}. Correct it and send it again:
import-error-line = • Row { $row }: { $reason }
import-more = … and { $count } more.
import-row-commitment = The active plan has no commitment “{ $value }”.
import-row-not-yours = You do not handle commitment { $number }.
import-row-milestone = Commitment { $number } has no milestone “{ $value }”. Leave the milestone number empty to add a new one.
import-row-number = “{ $column }” must be a number (found “{ $value }”).
import-row-title = The milestone's title must be between { $min } and { $max } characters.
import-row-date = “{ $column }” is not a date I understand: “{ $value }”. Write it like this: 30/6/2020
import-row-end-before-start = The end date is before the start date.
import-row-state = The completion “{ $value }” is unknown. It can be: { $choices }.
import-preview = { $count ->
    [one] This will change (one change):
   *[other] This will change ({ $count } changes):
}
import-line-new = • Row { $row } — commitment { $number }: a new milestone “{ $title }”
import-line-change = • Row { $row } — commitment { $number }, “{ $title }”: { $changes }
import-diff-title = title → “{ $new }”
import-diff-state = state { $old } → { $new }
import-diff-start = start { $old } → { $new }
import-diff-end = end { $old } → { $new }
import-apply = ✅ Save every change
import-stale = The milestone in row { $row } changed since the file was checked, so nothing was saved. Send the table again.
import-done = { $count ->
    [one] One change to the milestones is saved.
   *[other] { $count } changes to the milestones are saved.
}
import-cancelled = The spreadsheet update is cancelled; nothing from it was saved.

update-unlikely-pair = A completion of “{ $completion }” with { $progress }% progress do not usually go together. Is this right?
update-pair-keep = ✅ Yes, it is right
update-pair-progress = ✏️ Change the percentage
update-pair-level = ↩️ Change the completion level
