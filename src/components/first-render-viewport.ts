/** The viewport a virtualized list assumes before it can measure one: a laptop's table area. */
export const FIRST_RENDER_VIEWPORT = { width: 1280, height: 720 };
