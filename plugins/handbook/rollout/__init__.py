"""How standards reach staff and come back better: pilots, announced changes, feedback
from the page and team briefings."""
