## /status: where each commitment stands.

status-title = Where the commitments of the { $plan } stand:
status-line = { $number }. { $title }
    { $bar } { $completion }
status-no-plan = There is no active plan yet. The coordinators will add it soon.
status-choose = Choose a commitment to see its details:
status-detail =
    Commitment { $number }: { $title } ({ $ogp_id })
    Lead agency: { $agency }
    Period: { $start } to { $end }

    Completion: { $completion }
    { $bar }
status-latest =
    Latest update ({ $date }):
    { $note }
status-evidence = Evidence: { $url }
status-no-updates = No update has been published on this commitment yet.
status-milestones = Milestones:
status-milestone-line = • { $title } — { $state }{ $due }
status-milestone-due = , due { $date }
status-recommendations = { $count ->
    [0] No recommendations have been received on this commitment yet.
    [one] One recommendation has been received on this commitment.
   *[other] { $count } recommendations have been received on this commitment.
}
status-unknown-commitment = I could not find this commitment.
commitment-no-such-number = The plan has no commitment number “{ $number }”; its commitments are numbered { $first } to { $last }.
recommend-on-this = ✍️ Recommend on this commitment
all-commitments = 📊 All commitments

## Evidence files of the newest update.
status-evidence-files = Evidence files:
status-get-evidence = 📎 Evidence files
