## /update and /milestones: liaison officers report progress; followers hear of it.

update-choose-commitment = Which commitment do you want to publish an update on?
update-ask-completion =
    Commitment { $number }: { $title }
    Current completion: { $current }

    What is its completion now?
update-ask-progress = How much progress has been made? Choose, or type a number from 0 to 100.
update-progress-invalid = Please type the progress as a number from 0 to 100.
update-ask-milestone = Has the state of a milestone changed? Choose the milestone, or continue without one.
update-no-milestone = No, continue
update-ask-milestone-state = The milestone “{ $title }” (now: { $current }). What is its new state?
update-ask-note = Write a short note on what has been done (followers will see it), or skip.
update-note-invalid = The note must be no longer than { $max } characters.
update-ask-evidence = Send the evidence: a photo, or a PDF, Word or Excel file (up to { $max } files, one after another), or a link starting with https://, or skip.
update-evidence-invalid = This does not look like a valid link. Send a link starting with https:// or choose “Skip”.
update-use-buttons = Please choose from the buttons, or type /cancel to cancel.
update-skip = Skip
update-preview =
    Check the update before publishing it:

    Commitment { $number }
    Completion: { $completion }
    { $bar }
    Note: { $note }
    Evidence: { $evidence }
update-publish = ✅ Publish the update
update-published = The update on commitment { $number } is published. { $count ->
    [0] Nobody is following it at the moment.
    [one] The news will reach one follower.
   *[other] The news will reach { $count } followers.
}

loop-status =
    📊 A new update on commitment { $number }: { $title }
    Completion: { $completion }
    { $bar }
loop-status-open = View the commitment

milestones-choose-commitment = Which commitment's milestones do you want to manage?
milestones-title = Milestones of commitment { $number }: { $title }
milestones-empty = There are no milestones yet.
milestones-line = • { $title } — { $state } ({ $start } to { $end })
milestones-add = ➕ Add a milestone
milestones-edit = { $line }

    What would you like to change? Choose the new state, or edit the title and dates.
milestones-edit-details = ✏️ Title and dates
milestones-back = ↩️ Milestones
milestones-all = ↩️ All commitments
milestones-menu = 🏠 Main menu
milestones-ask-title = Type the milestone's title.
milestones-ask-start = Type the start date (for example 1/9/2018).
milestones-ask-end = Type the end date (for example 30/6/2020).
milestones-keep = Keep current value
milestones-no-date = No date
milestones-title-invalid = The title must be between { $min } and { $max } characters.
milestones-date-invalid = I did not understand the date. Type it like this: 30/6/2020
milestones-end-before-start = The end date is before the start date. Type a later date.
milestones-saved = The milestone “{ $title }” is saved.

# A milestone's English title, for readers of English (its title as typed stays for everyone else).
milestones-edit-english = 🌐 English title
milestones-ask-english =
    Type the milestone's title in English: readers of English see it, and everyone else its title as it was typed.
    { $current }
milestones-english-none = It has no English title yet.
milestones-english-current = Its English title now: { $title }
milestones-english-clear = 🗑️ No English title

## Evidence files.
update-evidence-kinds = Evidence can be a photo, or a PDF, Word or Excel file. To update milestones from a table, use the “📥” button at the start of /update.
update-evidence-full = This update has the most files it can take ({ $max }). Choose “✅ Continue” to review it.
update-evidence-received = Evidence received: { $file }
    { $count ->
        [one] This is the first file.
       *[other] { $count } files received.
    } Send another file or a link, or choose “✅ Continue”.
update-evidence-done = ✅ Continue
update-file-where = Evidence files are taken at the “evidence” step, shortly. A milestones table has its own button, “📥 Update milestones from a spreadsheet”. Please choose from the buttons first.
