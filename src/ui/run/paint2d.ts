// The part of CanvasRenderingContext2D the token layer's painters use: tests hand them a recorder.
export type Paint2D = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'fill' | 'stroke' | 'fillRect' | 'strokeRect' | 'fillText' | 'setTransform' | 'clearRect' | 'roundRect' | 'measureText'
> & {
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
};
