"""One adapter per channel API, all behind `ChannelSender`."""
