/**
 * The query GraphiQL opens with. It deliberately crosses three subgraphs so a
 * first "run" shows federation working: catalog owns products and prices,
 * inventory adds `inStock`/`stock`, shipping adds `shippingEstimate`.
 */
export const defaultQuery = `query ProductList($first: Int! = 5, $country: String! = "DE") {
  products(first: $first) {
    edges {
      node {
        id
        sku
        name
        price {
          amount
          currency
          formatted
        }
        inStock
        stock {
          available
        }
        shippingEstimate(country: $country) {
          carrier
          price {
            amount
            currency
          }
          days
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;
