// QueryProtocol
