## /my: a participant's own recommendations.

my-empty = You have not sent any recommendations yet. You can start now with /recommend.
my-title = { $total ->
    [one] You have one recommendation:
   *[other] You have { $total } recommendations ({ $shown }):
}
my-item =
    { $receipt } — Commitment { $number } — { $date }
    State: { $state }
    { $text }
my-response = 💬 Reply: { $response }
