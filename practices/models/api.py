"""How the Wagtail API (/api/v2/pages/) shows a practice's classification: names, not bare ids."""

from rest_framework import serializers

from .taxonomy import SDG, TargetGroup, Theme


class ThemeAPISerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "name", "slug"]


class TargetGroupAPISerializer(serializers.ModelSerializer):
    class Meta:
        model = TargetGroup
        fields = ["id", "name", "slug"]


class SDGAPISerializer(serializers.ModelSerializer):
    class Meta:
        model = SDG
        fields = ["id", "number", "name"]
