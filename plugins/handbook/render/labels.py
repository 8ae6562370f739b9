"""Words shown to staff for the format's codes."""

STATUS = {"draft": "Draft", "pilot": "Pilot", "active": "Active", "retired": "Retired"}
CHANNELS = {
    "phone": "Phone",
    "email": "Email",
    "chat": "Chat",
    "in-person": "In person",
    "video": "Video",
    "social-media": "Social media",
    "letter": "Letter",
}
STAGES = {
    "first-contact": "First contact",
    "during-service": "During service",
    "resolution": "Resolution",
    "follow-up": "Follow-up",
    "any": "Any stage",
}
