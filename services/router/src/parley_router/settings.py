"""Router's settings, from the environment (see .env.example)."""

from pydantic import Field

from parley_runtime.settings import ServiceSettings


class RouterSettings(ServiceSettings):
    port: int = Field(default=8083, validation_alias="ROUTER_PORT")
    consumer_group: str = Field(default="parley-router", validation_alias="ROUTER_CONSUMER_GROUP")
    bot_config_refresh_seconds: float = Field(
        default=2.0,
        ge=0,
        validation_alias="BOT_CONFIG_REFRESH_SECONDS",
        description="How stale a cached bot config may be.",
    )
    roster_refresh_seconds: float = Field(
        default=2.0,
        ge=0,
        validation_alias="ROSTER_REFRESH_SECONDS",
        description="How stale the cached operators (availability) and business-unit settings may be.",
    )
    operator_presence_seconds: float = Field(
        default=90.0,
        ge=0,
        validation_alias="OPERATOR_PRESENCE_SECONDS",
        description="An online operator gets new conversations by workload only if a console of theirs was connected "
        "(or they logged in) within this many seconds; 0: availability alone decides.",
    )
    timer_interval_seconds: float = Field(
        default=5.0, gt=0, validation_alias="ROUTER_TIMER_SECONDS", description="How often timers are checked."
    )
    assign_retry_seconds: float = Field(
        default=30.0,
        gt=0,
        validation_alias="ROUTER_ASSIGN_RETRY_SECONDS",
        description="How often an unassigned waiting thread is offered again to available operators.",
    )
    document_cache: int = Field(
        default=10_000,
        ge=0,
        validation_alias="ROUTER_DOCUMENT_CACHE",
        description="Threads, messages and provider ids the router keeps in memory after writing them, per kind "
        "(parley_router.owned); 0 reads every one from the store.",
    )
    figures_write_seconds: float = Field(
        default=1.0,
        gt=0,
        validation_alias="ROUTER_FIGURES_WRITE_SECONDS",
        description="How often the daily figures analytics read are written (parley_router.figures). A crash loses "
        "at most this long of counts, never counts twice.",
    )
