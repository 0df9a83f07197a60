"""Editorial review: findings with content ids, the decision store, and the review app."""
