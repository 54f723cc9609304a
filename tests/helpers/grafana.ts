/** The part of a Grafana dashboard JSON that the infra tests read. */
export interface Dashboard {
  uid: string;
  panels: {
    id: number;
    title: string;
    datasource: { uid: string };
    gridPos: { x: number; y: number; w: number; h: number };
    targets: { expr: string }[];
  }[];
}
