/** The short order reference buyers also see at Mollie ("bestelling 1a2b3c4d"). */
export const orderReference = (orderId: string): string => orderId.slice(0, 8).toUpperCase()
