"""nlp's service settings (the brain's own are in parley_nlp.engines.config), from the environment."""

from pydantic import Field

from parley_runtime.settings import ServiceSettings


class NlpSettings(ServiceSettings):
    port: int = Field(default=8082, validation_alias="NLP_PORT")
    consumer_group: str = Field(default="parley-nlp", validation_alias="NLP_CONSUMER_GROUP")
    history_turns: int = Field(default=10, ge=0, description="Earlier messages of the thread given to the engine.")
