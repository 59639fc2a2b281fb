from django.urls import path

from . import staff, views

app_name = "creators"

urlpatterns = [
    path("my-shop/", views.SummaryView.as_view(), name="summary"),
    path("my-shop/stand/", views.StandView.as_view(), name="stand"),
    path("my-shop/stand/sales/", views.StandSalesView.as_view(), name="stand-sales"),
    path("my-shop/details/", views.ShopDetailsView.as_view(), name="shop-details"),
    path("my-shop/products/", views.ProductListView.as_view(), name="product-list"),
    path("my-shop/products/add/", views.ProductCreateView.as_view(), name="product-create"),
    path("my-shop/products/<int:pk>/edit/", views.ProductUpdateView.as_view(), name="product-edit"),
    path(
        "my-shop/products/<int:pk>/visibility/",
        views.ProductVisibilityView.as_view(),
        name="product-visibility",
    ),
    path("my-shop/products/<int:pk>/file/", views.ProductFileView.as_view(), name="product-file"),
    path(
        "my-shop/products/<int:pk>/delete/",
        views.ProductDeleteView.as_view(),
        name="product-delete",
    ),
    path("creators/<slug:slug>/", views.ShopView.as_view(), name="shop"),
    path(
        "staff/products/<int:pk>/hide/",
        staff.StaffHideProductView.as_view(),
        name="staff-hide-product",
    ),
]
