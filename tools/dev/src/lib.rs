//! What the dev tools share: the floor that `npm run bench` and `profile`
//! measure our cleaner against.

pub mod floor;
