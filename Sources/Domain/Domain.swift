// Payment identifiers and the domain model live here.
