"""What "answered" means, defined once: the inbox, statistics, reminders, exports and the public site follow it."""

from __future__ import annotations

from storage.models import Recommendation, RecommendationState

# A recommendation is answered once the ministry took a decision on it. Issue 13 refines this here (a written
# reason for partly and not adopted); every query that asks "answered?" embeds ANSWERED_SQL, so all follow.
ANSWERED_STATES: frozenset[RecommendationState] = frozenset(
    {
        RecommendationState.ACCEPTED,
        RecommendationState.PARTLY_ACCEPTED,
        RecommendationState.NOT_ACCEPTED,
        RecommendationState.IMPLEMENTED,
    }
)

# The same rule as an SQL condition on a recommendations row aliased `r` (no parameters: safe to embed).
ANSWERED_SQL = "r.state IN ('accepted', 'partly_accepted', 'not_accepted', 'implemented')"


def is_answered(recommendation: Recommendation) -> bool:
    """Tell whether a recommendation has been answered."""
    return answered_state(recommendation.state)


def answered_state(state: RecommendationState) -> bool:
    """Tell whether a recommendation in this state counts as answered."""
    return state in ANSWERED_STATES
