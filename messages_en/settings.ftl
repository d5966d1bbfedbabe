## /settings, /follow and endorsements: what a participant hears and supports.

settings-title = Choose the notifications you want to receive (press to switch on or off):
settings-answers = Replies to my recommendations
settings-status = Updates on commitments I follow or recommended on
settings-reminders = Reminders and invitations to consultation rounds
settings-on = ✅ { $name }
settings-off = 🔕 { $name }

follow-title = Choose a commitment to start or stop following it. You hear how the commitments you follow are being carried out.
follow-line-on = 🔔 { $number }. { $title }
follow-line-off = ➕ { $number }. { $title }
follow-on-button = 🔔 Follow
follow-off-button = 🔕 Stop following
follow-started = You will hear about commitment { $number }.
follow-stopped = You are no longer following commitment { $number }.

endorse-count = { $count ->
    [0] The recommendations have no endorsements yet.
    [one] The recommendations have one endorsement.
   *[other] The recommendations have { $count } endorsements.
}
endorse-browse = 👍 Read and endorse
endorse-title = Participants' recommendations on commitment { $number }: { $title }
endorse-empty = There are no visible recommendations on this commitment yet.
endorse-item =
    { $receipt } — 👍 { $count }
    { $text }
endorse-button = 👍 I endorse { $receipt }
endorse-back = ↩️ Back to the commitment
endorse-done = Your endorsement of recommendation { $receipt } is recorded.
endorse-already = You have already endorsed recommendation { $receipt }.
endorse-own = You cannot endorse your own recommendation { $receipt }.
settings-name-on = 👤 My name shows with my published recommendations: yes
settings-name-off = 👤 My name shows with my published recommendations: no
