## Flood control: a polite answer when someone sends too much too fast.

flood-recommendations =
    Thank you for your enthusiasm! We have received { $limit ->
        [one] one recommendation
       *[other] { $limit } recommendations
    } from you in the last hour, which is the limit for each participant, so that the organisations concerned can read every recommendation with care.
    You can send a new recommendation in { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }. What you sent before is saved, and none of it has been lost.
flood-replies = Your messages are arriving faster than we can answer them, so please slow down a little. Everything you sent reached us and was handled, and we will answer your latest message shortly.
