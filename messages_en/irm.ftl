## The IRM's assessments (coordinators enter what the Independent Reporting Mechanism published), and OGP's values.

irm-completion-not_started = Not started
irm-completion-limited = Limited
irm-completion-substantial = Substantial
irm-completion-complete = Complete
irm-completion-no_evidence = No evidence available
irm-og-worsened = Worsened
irm-og-did_not_change = Did not change
irm-og-marginal = Marginal
irm-og-major = Major
irm-og-outstanding = Outstanding
irm-impact-none = None
irm-impact-minor = Minor
irm-impact-moderate = Moderate
irm-impact-transformative = Transformative
irm-starred-yes = ⭐ Yes
irm-starred-no = No
irm-field-completion_midterm = Completion at mid-term
irm-field-completion_end = Completion at the end of term
irm-field-open_government = Effect on opening government
irm-field-potential_impact = Potential impact
irm-field-starred = Starred commitment
irm-field-source_url = Link to the IRM report

ogp-value-access_to_information = Access to information
ogp-value-civic_participation = Civic participation
ogp-value-public_accountability = Public accountability
ogp-value-technology_innovation = Technology and innovation

irm-title = The Independent Reporting Mechanism's (IRM) assessment of commitment { $number }: { $title }
irm-line = • { $field }: { $value }
irm-not-entered = not entered yet
irm-choose-commitment = Which commitment's IRM assessment do you want to enter?
irm-choose-field = Choose what to enter or correct, as the IRM published it:
irm-choose-value = { $field }: choose the value as the IRM report gives it.
irm-clear = 🗑 Clear the value
irm-back = ↩️ The assessment
irm-ask-url = Send the link to the IRM report that gives the assessment (starting with https://).
irm-url-invalid = That does not look like a valid link. Send a link starting with https:// or type /cancel.
irm-saved = Saved: { $field }.
irm-open = 🔎 IRM assessment
command-irm = Enter the Independent Reporting Mechanism's assessments

status-tracks = Two tracks of progress:
status-track-self = • The implementing agency's report: { $completion } — { $progress }%
status-track-irm = • The IRM: { $assessment }
status-track-irm-none = • The IRM: no assessment entered yet
status-supporting = Supporting institutions: { $institutions }
status-values = OGP values: { $values }

rep-irm = The Independent Reporting Mechanism's assessment: { $assessment }.
rep-irm-item = { $field }: { $value }
rep-irm-source = Source: { $url }
exp-sheet-commitments = Commitments
exp-col-plan-number = Action plan
exp-col-short-title = Short title
exp-col-ogp-theme = OGP theme
exp-col-lead = Lead institution
exp-col-supporting = Supporting institutions
exp-col-self-completion = Completion (agency's report)
