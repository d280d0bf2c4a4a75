"""itinerary"""
